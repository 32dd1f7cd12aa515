/** Freshness: every roadmap's resources re-checked on a schedule, by one instance at a time, and what changed. */
package dev.groundwork.api.refresh;
