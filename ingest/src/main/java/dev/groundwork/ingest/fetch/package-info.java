/** Getting the bytes behind a resource URL politely and safely, crawling a documentation root (its links or its
 * sitemap), and reading a GitHub repository as a guide (its README and the Markdown it links). */
package dev.groundwork.ingest.fetch;
