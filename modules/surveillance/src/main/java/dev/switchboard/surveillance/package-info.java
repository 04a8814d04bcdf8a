/** Surveillance chat: camera events of the simulated city, hybrid search, conversation, clips and insights. */
package dev.switchboard.surveillance;
