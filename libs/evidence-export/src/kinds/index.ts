import type { EvidenceKind } from '../evidence-kind';
import { accessReviews } from './access-reviews';
import { hrImportErrors } from './hr-import-errors';
import { jitGrants } from './jit-grants';
import { leavers } from './leavers';
import { leaversByApplication } from './leavers-by-application';
import { sod } from './sod';

/** Every kind of evidence this tool exports, by name. */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = [accessReviews, jitGrants, leavers, leaversByApplication, sod, hrImportErrors];
