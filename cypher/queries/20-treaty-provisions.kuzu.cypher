// Kùzu's lists are indexed from 1.
MATCH (s:State)-[r:PARTY_TO]->(t:Agreement {id: $agreement})
UNWIND range(1, size(r.sourceQuotes)) AS i
WITH t, r.sourceQuotes[i] AS clause, r.sourceArticles[i] AS article, list_sort(collect(s.name)) AS parties
MATCH (art:Article {id: article})
RETURN clause, art.name AS source, parties, art, t
ORDER BY source, clause
