/**
 * Data for programs: the JSON API under {@code /api/} with its OpenAPI document, CSV and JSON Lines downloads, Atom
 * feeds, the sitemap and robots.txt, all answered from the public archive alone. {@link
 * org.cablegate.web.data.DataRoutes#register} adds them to an app; {@link org.cablegate.web.data.Slugs} numbers
 * origins and classifications as the original site's URLs did, for the HTML pages to share. The rest is
 * package-private: one class a concern (the API, downloads, feeds, sitemaps), {@code Http} for validators and errors.
 */
package org.cablegate.web.data;
