export { startScimmyServer, type ScimmyServer, type ScimmyServerOptions, type StoredResource } from './scimmy-server';
