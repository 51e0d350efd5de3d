import 'reflect-metadata';
import { printServiceSdl } from '@tenure/service-runtime';
import { policyService } from './app';

// Prints this subgraph's SDL for supergraph composition, without a database or a server.
printServiceSdl(policyService);
