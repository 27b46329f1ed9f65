/** Lists and paperwork: the case list with filters and exports, the deadline calendar, statistics, the certificate and the public list (名单). */
export const consoleLists = {};
