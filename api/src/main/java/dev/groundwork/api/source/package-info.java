/** The learner's own sources on a topic: a link, an uploaded file or pasted text, checked, stored and ingested. */
package dev.groundwork.api.source;
