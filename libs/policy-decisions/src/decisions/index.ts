export * from './decision-types';
