import './tracing';
import 'reflect-metadata';
import { runService } from '@tenure/service-runtime';
import { connectorService } from './app';

runService(connectorService);
