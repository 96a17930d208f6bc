/** Girsanov autodiff module. */
package org.girsanov.autodiff;
