/** The Surveillance workspace: chat, results with thumbnails and a map, clips, insights and memories. */
package dev.switchboard.surveillance.ui;
