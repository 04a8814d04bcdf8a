/** Speech for the call console: text to speech, speech to text, audio in and out, voice levels, WAV recording. */
package dev.switchboard.speech;
