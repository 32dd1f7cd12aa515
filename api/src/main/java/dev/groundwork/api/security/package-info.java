/** Who a request acts for: the current learner, resolved in one place and handed to controllers. */
package dev.groundwork.api.security;
