export * from './recorded-spans';
export * from './otlp-receiver';
