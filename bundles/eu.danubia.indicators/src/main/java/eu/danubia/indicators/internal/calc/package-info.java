/** Pure indicator arithmetic: no database, no OSGi; every method documents its formula and its source. */
package eu.danubia.indicators.internal.calc;
