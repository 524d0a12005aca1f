// @name ratifications
// @title Which bodies ratified an agreement, in date order
// @description Every RATIFIED relationship of an agreement; undated ones last.
// @param agreement: nodeId = "agreement:comprehensive-strategic-partnership-treaty" — the agreement: a name, an alias or an id
MATCH (b)-[r:RATIFIED]->(t:Agreement {id: $agreement})
RETURN b.name AS ratifiedBy, r.date AS date, r.datePrecision AS precision, b, r, t
ORDER BY date, ratifiedBy
