/** The test host is the same small static server `npm start` uses (scripts/lib/static-site.ts). */
export { type HeaderRule, parseHeadersFile, type StaticSite, serveStatic } from '../../scripts/lib/static-site';
