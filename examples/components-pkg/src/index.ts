/**
 * Entry of the example component package: `BAMBOO_COMPONENT_MODULES` points here (or at the built
 * `dist/index.js`), and the loader registers every decorated class exported below.
 */
export { OrderTotalService } from './order-total.component';
export { BatchExportService, BATCH_EXPORT_POLL_SECONDS } from './batch-export.component';
export { SlugVariable } from './slug.variable';
export { AuditEndEvent, auditLog, type AuditEntry } from './audit-end.end-event';
