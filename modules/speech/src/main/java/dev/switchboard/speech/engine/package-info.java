/**
 * Implementations behind the speech API: MaryTTS, Vosk, javax.sound lines, voice activity, YIN pitch.
 * Other modules use the root package {@code dev.switchboard.speech} only.
 */
package dev.switchboard.speech.engine;
