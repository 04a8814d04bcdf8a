/** Local accounts in SQLite, behind core's {@link dev.switchboard.core.account.AccountRepository}. */
package dev.switchboard.store.account;
