/** Base URL of the REST API the admin proxies to (`BAMBOO_API_URL`). */
export const ADMIN_API_URL = Symbol('ADMIN_API_URL');
