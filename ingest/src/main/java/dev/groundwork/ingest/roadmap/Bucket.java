package dev.groundwork.ingest.roadmap;

/** Where an item under a topic goes: which list of {@link Topic}, or its description. */
enum Bucket {
    CONCEPTS, RESOURCES, BUILD, INTERVIEW, DESCRIPTION
}
