/** Girsanov verification module. */
package org.girsanov.verification;
