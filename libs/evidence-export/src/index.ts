export * from './evidence-kind';
export { EVIDENCE_KINDS } from './kinds';
export { exportEvidence, type ExportRequest } from './export-evidence';
export { GatewayClient, EvidenceSourceError } from './gateway-client';
export { MANIFEST_FILE, verifyExport, type Manifest, type ManifestFile, type ManifestProblem } from './manifest';
