/** Multipart uploads read into memory as they stream in, within a limit, for the features that take files. */
package dev.groundwork.api.upload;
