import './tracing';
import 'reflect-metadata';
import { runService } from '@tenure/service-runtime';
import { policyService } from './app';

runService(policyService);
