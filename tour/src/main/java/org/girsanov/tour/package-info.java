/**
 * The runnable tour of {@code docs/tour/}: how its pages quote programs and their output, so that a build can
 * check that every page still says what its program does.
 *
 * <p>The chapter programs themselves are test sources of this module ({@code tour/src/test/java}); the tests
 * run each one, compare what it prints with the page's quoted output block and its file with the page's
 * quoted source block ({@link org.girsanov.tour.TourPage}), and fail when a page has gone stale.
 */
package org.girsanov.tour;
