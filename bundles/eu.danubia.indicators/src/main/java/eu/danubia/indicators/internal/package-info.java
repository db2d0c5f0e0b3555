/** The indicator engine: company-year facts, their region x sector rollup, the providers and /api/indicators. */
package eu.danubia.indicators.internal;
