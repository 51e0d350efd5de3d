// Imported first by main.ts: the instrumentations patch http, express, graphql and pg only as they are loaded.
import { startTracing } from '@tenure/tracing';

startTracing('tenure-policy');
