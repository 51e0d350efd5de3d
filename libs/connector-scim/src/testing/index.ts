export { startScimmyServer, type ScimmyServer, type StoredResource } from './scimmy-server';
