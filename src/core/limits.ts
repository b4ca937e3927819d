/** Shared limits, used by the API, the CLI, the web app and the store alike. */
export const IDEA_TEXT_MAX = 2000;
export const IDEA_CONTEXT_MAX = 500;
export const AREA_NAME_MAX = 60;
export const AREA_DESCRIPTION_MAX = 280;
export const VALUE_MIN = 1;
export const VALUE_MAX = 5;
export const SEARCH_QUERY_MAX = 200;
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;
/** Largest backup the API accepts in one request (bytes). */
export const IMPORT_BODY_MAX = 20 * 1024 * 1024;
/** Largest ordinary JSON request body (bytes). */
export const REQUEST_BODY_MAX = 64 * 1024;
