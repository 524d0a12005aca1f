// @name quote-search
// @title Text search inside quotes
// @description Claims whose verbatim quote contains the text (case-insensitive), with the fact, article and status of each.
// @param text: string = "Kursk" — words to find in the quotes
// @param status: claimStatus = "" — only claims of this status
// @param limit: integer = 100 — at most this many claims
MATCH (a)-[r]->(b)
WHERE NOT r.id STARTS WITH 'rel:mentions:'
UNWIND range(0, size(r.sourceQuotes) - 1) AS i
WITH a, r, b, i
WHERE lower(r.sourceQuotes[i]) CONTAINS lower($text) AND ($status = '' OR r.sourceStatuses[i] = $status)
RETURN r.sourceQuotes[i] AS quote, r.sourceArticles[i] AS article, r.sourceStatuses[i] AS status, r.summary AS fact, a, r, b
ORDER BY article, quote, r.id
LIMIT $limit
