/** Public surface of the customs context. */
export { checkCustoms, type CustomsProblem, type CustomsShipment } from './check-order';
export { clearCustoms, DOCUMENT_TYPES, type CustomsDecision, type DocumentType, type PreparedDocument } from './clearance';
export { buildCustomsDocuments, sha256, type DocumentsContext } from './documents';
export { renderCustomsPdfs } from './pdf';
export { matchesGoods, normalizeText, type GoodsFacts } from './goods-matching';
export { BATTERY_RULES, customsRulesFor, type CertificateRule, type GoodsMatcher, type ProblemSeverity, type RuleProvenance } from './rules';
