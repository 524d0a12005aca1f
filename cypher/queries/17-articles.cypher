// @name articles
// @title Articles in the corpus
// @description Every article with its outlet and publication date (undated last).
MATCH (a:Article)
RETURN a.outlet AS outlet, a.headline AS headline, a.publishedAt AS publishedAt, a
ORDER BY publishedAt, outlet
