// @name treaty-chronology
// @title Life cycle of an agreement as a chronology
// @description Every dated fact about an agreement (signature, ratifications, entry into force …), oldest first.
// @param agreement: nodeId = "agreement:comprehensive-strategic-partnership-treaty" — the agreement's id
MATCH (x)-[r]-(t:Agreement {id: $agreement})
WHERE r.date IS NOT NULL AND NOT r.id STARTS WITH 'rel:mentions:'
RETURN r.date AS date, r.datePrecision AS precision, x.name AS actor, r.summary AS what, x, r, t
ORDER BY date, actor, r.id
