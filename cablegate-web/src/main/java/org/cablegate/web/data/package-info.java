/**
 * Data for programs: the JSON API under {@code /api/} with its OpenAPI document, CSV and JSON Lines downloads, Atom
 * feeds, the sitemap and robots.txt, all answered from the public archive alone. {@link
 * org.cablegate.web.data.DataRoutes#register} adds them to an app; origins and classifications are named in URLs as the
 * HTML pages name them ({@link org.cablegate.web.url.Slugs}). The rest is
 * package-private: one class a concern (the API, downloads, feeds, sitemaps), {@code Http} for validators and errors.
 */
package org.cablegate.web.data;
