/** RFC 9457 problem details: one stable {@code type} per problem, details safe to show. */
package dev.groundwork.api.problem;
