package chattemplate_test

import (
	"errors"
	"fmt"

	"github.com/gaianet-go/gaianet/chattemplate"
)

func Example() {
	// A template as stored in a GGUF file's tokenizer.chat_template.
	tpl, err := chattemplate.Parse(`{{ bos_token }}{% for m in messages %}<|{{ m.role }}|>{{ m.content | trim }}
{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}`)
	if err != nil {
		panic(err)
	}
	prompt, err := tpl.Render([]chattemplate.Message{
		{Role: "system", Content: "Be brief."},
		{Role: "user", Content: " What is GaiaNet? "},
	}, chattemplate.Options{AddGenerationPrompt: true, BOSToken: "<s>"})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", prompt)
	// Output: "<s><|system|>Be brief.\n<|user|>What is GaiaNet?\n<|assistant|>"
}

func ExampleLookup() {
	tpl, ok := chattemplate.Lookup("chatml")
	if !ok {
		panic("no chatml")
	}
	prompt, _ := tpl.Render([]chattemplate.Message{{Role: "user", Content: "Hi"}},
		chattemplate.Options{AddGenerationPrompt: true})
	fmt.Printf("%q\n", prompt)
	// Output: "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
}

func ExampleExceptionError() {
	tpl, _ := chattemplate.Lookup("gemma-3")
	_, err := tpl.Render([]chattemplate.Message{{Role: "assistant", Content: "Hello"}}, chattemplate.Options{})
	var exc *chattemplate.ExceptionError
	if errors.As(err, &exc) {
		fmt.Println("rejected:", exc.Message)
	}
	// Output: rejected: Conversation roles must alternate user/assistant/user/assistant/...
}
