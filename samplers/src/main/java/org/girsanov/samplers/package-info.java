/** Girsanov samplers module. */
package org.girsanov.samplers;
