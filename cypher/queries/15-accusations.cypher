// @name accusations
// @title Who accused whom of what
// @description Every ACCUSED relationship with its summary, by accuser.
MATCH (a)-[r:ACCUSED]->(b)
RETURN a.name AS accuser, b.name AS accused, r.summary AS accusation, a, r, b
ORDER BY accuser, accused, r.id
