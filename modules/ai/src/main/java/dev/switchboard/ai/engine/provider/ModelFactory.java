package dev.switchboard.ai.engine.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.Optional;

/**
 * Builds the langchain4j models that talk to a provider. The gateway owns retries, so the models it
 * gets must not retry by themselves. {@link Langchain4jModels} is the real one; the gateway benchmark
 * passes an in-process stub.
 */
public interface ModelFactory {

    ChatModel chatModel(ProviderConfig config, Optional<String> apiKey);

    StreamingChatModel streamingModel(ProviderConfig config, Optional<String> apiKey);
}
