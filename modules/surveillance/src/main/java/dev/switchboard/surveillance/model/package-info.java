/** What surveillance chat works with: cameras, camera events, queries, answers, insights and memories. */
package dev.switchboard.surveillance.model;
