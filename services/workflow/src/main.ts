import './tracing';
import 'reflect-metadata';
import { runService } from '@tenure/service-runtime';
import { workflowService } from './app';

runService(workflowService);
