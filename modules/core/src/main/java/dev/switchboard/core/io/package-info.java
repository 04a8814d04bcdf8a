/** Reading and writing the files a user names: size and encoding checks, safe replacement, private modes. */
package dev.switchboard.core.io;
