// @name conflicting-claims
// @title Facts on which sources disagree
// @description Relationships whose claims disagree on a number, a date, a place or yes/no (one source denies what another states); different wording alone is no conflict. Numbers first.
// @param limit: integer = 50 — at most this many rows
MATCH (a)-[r]->(b)
WHERE size(r.sourceArticles) > 1 AND NOT r.id STARTS WITH 'rel:mentions:'
UNWIND r.sourceNumbers AS n1
UNWIND r.sourceNumbers AS n2
WITH a, r, b, sum(CASE WHEN n1 <> '' AND n2 <> '' AND n1 <> n2 THEN 1 ELSE 0 END) AS numberClashes
UNWIND r.sourcePlaces AS p1
UNWIND r.sourcePlaces AS p2
WITH a, r, b, numberClashes, sum(CASE WHEN p1 <> '' AND p2 <> '' AND p1 <> p2 THEN 1 ELSE 0 END) AS placeClashes
UNWIND r.sourceDates AS d1
UNWIND r.sourceDates AS d2
WITH a, r, b, numberClashes, placeClashes,
     sum(CASE WHEN d1 <> '' AND d2 <> '' AND NOT d1 CONTAINS '..' AND NOT d2 CONTAINS '..' AND NOT (d1 STARTS WITH d2 OR d2 STARTS WITH d1) THEN 1 ELSE 0 END) AS dateClashes
WITH a, r, b, numberClashes, placeClashes, dateClashes,
     any(s IN r.sourceStatuses WHERE s = 'denied') AND any(s IN r.sourceStatuses WHERE s <> 'denied') AS yesNo
WHERE numberClashes > 0 OR dateClashes > 0 OR placeClashes > 0 OR yesNo
WITH a, r, b, CASE WHEN numberClashes > 0 THEN 1 WHEN dateClashes > 0 THEN 2 WHEN placeClashes > 0 THEN 3 ELSE 4 END AS rank
RETURN CASE rank WHEN 1 THEN 'number' WHEN 2 THEN 'date' WHEN 3 THEN 'place' ELSE 'yes/no' END AS differsOn,
       a.name AS subject, r.summary AS what, b.name AS object,
       r.sourceNumbers AS numbers, r.sourceDates AS dates, r.sourcePlaces AS places, r.sourceStatuses AS statuses, a, r, b
ORDER BY rank, subject, r.id
LIMIT $limit
