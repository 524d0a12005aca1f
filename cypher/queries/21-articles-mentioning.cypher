// @name articles-mentioning
// @title Articles that mention an entity
// @description Every article with a claim about the entity: outlet, date and headline as the page states them.
// @param entity: nodeId = "Choe Son Hui" — the entity: a name, an alias or an id
MATCH (art:Article)-[m:MENTIONS]->(x {id: $entity})
RETURN art.name AS article, art.outlet AS outlet, art.publishedAt AS publishedAt, art.headline AS headline, art, m, x
ORDER BY publishedAt, article
