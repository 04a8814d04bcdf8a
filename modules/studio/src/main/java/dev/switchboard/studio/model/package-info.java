/** What the studio works with: generation jobs and results, factory runs, market series, transactions and alerts. */
package dev.switchboard.studio.model;
