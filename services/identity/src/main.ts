import './tracing';
import 'reflect-metadata';
import { runService } from '@tenure/service-runtime';
import { identityService } from './app';

runService(identityService);
