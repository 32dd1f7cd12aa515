/** HTTP API for roadmaps and their topics: import, list, tree, topic. */
package dev.groundwork.api.roadmap;
