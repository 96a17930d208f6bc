/** Girsanov sde module. */
package org.girsanov.sde;
