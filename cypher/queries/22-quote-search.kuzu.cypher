// Kùzu's lists are indexed from 1.
MATCH (a)-[r]->(b)
WHERE NOT r.id STARTS WITH 'rel:mentions:'
UNWIND range(1, size(r.sourceQuotes)) AS i
WITH a, r, b, i
WHERE lower(r.sourceQuotes[i]) CONTAINS lower($text) AND ($status = '' OR r.sourceStatuses[i] = $status)
RETURN r.sourceQuotes[i] AS quote, r.sourceArticles[i] AS article, r.sourceStatuses[i] AS status, r.summary AS fact, a, r, b
ORDER BY article, quote, r.id
LIMIT $limit
